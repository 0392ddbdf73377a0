from thidua_docs.cli import main

main()
