from newsweave.cli import main

main()
